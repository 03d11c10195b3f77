// Collab: a trip's shared notes, polls and chat; a planner tab while the collab addon is on (each of the three can
// be switched off on its own).
import { defineArea } from '../area';
import { collabRouter } from './procedures.server';
import { copyCollab } from './copy.server';
import { collabEvents } from './events';
import { CollabTab } from './CollabTab';

const VOTES = 'a poll asks the original trip’s people; a copy has other people and starts without open questions';
const CHAT = 'the chat is a conversation between the original trip’s people, not part of the plan';

export const collabArea = defineArea({
  id: 'collab',
  router: collabRouter,
  namespaces: ['collab'],
  events: collabEvents,
  copy: copyCollab,
  notCopied: {
    CollabPoll: VOTES,
    CollabPollOption: `${VOTES} (and its options with it)`,
    CollabPollVote: `${VOTES} (and the votes cast in it)`,
    CollabMessage: CHAT,
    CollabReaction: `${CHAT} (and the reactions to it)`,
    CollabChatRead: 'how far each person read the original chat means nothing for a copy without that chat',
  },
  plannerTab: { id: 'collab', labelKey: 'collab:tab', addon: 'collab', Component: CollabTab },
});
