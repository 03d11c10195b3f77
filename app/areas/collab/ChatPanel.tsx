// The trip chat: history pages (scroll up, or the "earlier messages" button, loads the page before), live messages,
// replies, emoji reactions, editing and deleting one's own messages, @mentions, a "new messages" marker at the first
// message that arrived since the user last read the chat, and who is typing.
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage, useTRPC } from '~/utils/trpc';
import { Button, ConfirmDialog, Spinner } from '~/components/ui';
import { COLLAB_LIMITS, TYPING_MS } from './rules';
import { useFormatWhen, useMe } from './people';
import type { CollabMessagePage } from './events';

type Message = CollabMessagePage['messages'][number];
type Person = { id: number; username: string; displayName: string };

const QUICK_EMOJI = ['👍', '❤️', '😂', '🎉', '😮', '🙏'] as const;
/** A typing signal is sent at most this often while someone keeps typing. */
const TYPING_SIGNAL_MS = 3000;

export function ChatPanel({ tripId }: { tripId: number }) {
  const { t, i18n } = useTranslation('collab');
  const trpc = useTRPC();
  const me = useMe();
  const queryClient = useQueryClient();
  const pageOptions = (before?: number) => ({
    ...trpc.collab.listCollabMessages.queryOptions(before ? { tripId, before } : { tripId }),
    // Realtime events keep every loaded page current; refetching on focus would only reshuffle the history.
    refetchOnWindowFocus: false,
    staleTime: before ? Infinity : 5_000,
  });
  const newest = useQuery(pageOptions());
  const [cursors, setCursors] = useState<number[]>([]);
  const older = useQueries({ queries: cursors.map((before) => pageOptions(before)) });
  const summary = useQuery(trpc.trips.getTripSummary.queryOptions({ tripId }));
  const people: Person[] = summary.data?.members ?? [];

  const pages = [...older.map((q) => q.data).reverse(), newest.data].filter((p): p is CollabMessagePage => !!p);
  const messages = pages.flatMap((p) => p.messages);
  const oldestPage = older.length ? older[older.length - 1] : newest;
  const canLoadMore = !!oldestPage.data?.hasMore && !older.some((q) => q.isFetching);
  const loadEarlier = () => {
    const first = oldestPage.data?.messages[0];
    if (canLoadMore && first && !cursors.includes(first.id)) setCursors([...cursors, first.id]);
  };

  // The unread marker marks what arrived since the user last read the chat, as it was when the chat opened; messages
  // arriving while it is open are read as they come. The chat itself is marked read as it is seen.
  const markerRef = useRef<{ lastRead: number; newestAtOpen: number } | null>(null);
  if (markerRef.current === null && newest.data) {
    markerRef.current = { lastRead: newest.data.lastReadMessageId, newestAtOpen: newest.data.messages.at(-1)?.id ?? 0 };
  }
  const marker = markerRef.current;
  const firstUnread = marker ? messages.find((m) => m.id > marker.lastRead && m.id <= marker.newestAtOpen && m.author?.id !== me?.id)?.id : undefined;
  const lastId = newest.data?.messages.at(-1)?.id;
  const markRead = useMutation(trpc.collab.markCollabChatRead.mutationOptions());
  const readUpTo = useRef(0);
  useEffect(() => {
    if (!lastId || lastId <= readUpTo.current || lastId <= (newest.data?.lastReadMessageId ?? 0)) return;
    readUpTo.current = lastId;
    markRead.mutate({ tripId, messageId: lastId });
    // markRead is stable enough: only a new last message triggers a call.
  }, [lastId, tripId]);

  // Scrolling: stay at the bottom as messages arrive (when already there); keep the view still when older ones load.
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const heightBefore = useRef<{ first?: number; height: number }>({ height: 0 });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const first = messages[0]?.id;
    if (heightBefore.current.first !== undefined && first !== heightBefore.current.first && first! < heightBefore.current.first) {
      el.scrollTop += el.scrollHeight - heightBefore.current.height;
    } else if (atBottom.current) {
      el.scrollTop = el.scrollHeight;
    }
    heightBefore.current = { first, height: el.scrollHeight };
  });
  const sentinel = useRef<HTMLDivElement>(null);
  const loadRef = useRef(loadEarlier);
  loadRef.current = loadEarlier;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadRef.current(), { root: scroller.current });
    observer.observe(el);
    return () => observer.disconnect();
  }, [newest.isSuccess]);

  // Who is typing: each signal counts for TYPING_MS; a ticking clock lets old signals fade out.
  const [now, setNow] = useState(() => Date.now());
  const typingNow = (newest.data?.typing ?? []).filter((x) => Date.parse(x.at) > now - TYPING_MS && x.userId !== me?.id);
  const anyTyping = (newest.data?.typing.length ?? 0) > 0;
  useEffect(() => {
    if (!anyTyping) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [anyTyping]);
  useEffect(() => setNow(Date.now()), [newest.data?.typing]);

  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [editing, setEditing] = useState<Message | null>(null);
  const [toDelete, setToDelete] = useState<Message | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.collab.listCollabMessages.queryKey({ tripId }) });
  const react = useMutation(trpc.collab.reactCollabMessage.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(
    trpc.collab.deleteCollabMessage.mutationOptions({
      onSuccess: async () => {
        setToDelete(null);
        await refresh();
      },
    }),
  );

  if (newest.isLoading) return <Spinner label={t('loading')} />;
  if (newest.error || !newest.data) {
    return (
      <div role="alert" className="rounded-lg border border-red-200 bg-white p-4 text-sm text-red-700">
        {errorMessage(newest.error, t)}{' '}
        <Button size="sm" onClick={() => void newest.refetch()}>
          {t('retry')}
        </Button>
      </div>
    );
  }

  return (
    <section aria-labelledby="collab-chat-heading" className="flex flex-col rounded-lg border border-slate-200 bg-white shadow-sm">
      <h2 id="collab-chat-heading" className="sr-only">
        {t('chat.heading')}
      </h2>
      <div
        ref={scroller}
        className="h-[28rem] overflow-y-auto p-3"
        onScroll={(e) => {
          const el = e.currentTarget;
          atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
        data-testid="chat-scroller"
      >
        <div ref={sentinel} />
        {oldestPage.data?.hasMore ? (
          <div className="mb-2 text-center">
            <Button size="sm" variant="ghost" onClick={loadEarlier} busy={older.some((q) => q.isFetching)} data-testid="chat-load-earlier">
              {t('chat.loadEarlier')}
            </Button>
          </div>
        ) : (
          messages.length > 0 && <p className="mb-2 text-center text-xs text-slate-400">{t('chat.beginning')}</p>
        )}
        {messages.length === 0 && (
          <p className="py-16 text-center text-sm text-slate-500" data-testid="chat-empty">
            {t('chat.empty')}
          </p>
        )}
        <ol role="log" aria-live="polite" aria-label={t('chat.log')} className="space-y-2" data-testid="chat-log">
          {messages.map((m) => (
            <Fragment key={m.id}>
              {m.id === firstUnread && (
                <li className="flex items-center gap-2 text-xs font-semibold text-red-600" data-testid="chat-unread-marker">
                  <span className="h-px flex-1 bg-red-300" />
                  {t('chat.newMessages')}
                  <span className="h-px flex-1 bg-red-300" />
                </li>
              )}
              <MessageItem
                message={m}
                mine={m.author?.id === me?.id}
                meId={me?.id}
                people={people}
                language={i18n.language}
                onReply={() => setReplyTo(m)}
                onEdit={() => setEditing(m)}
                onDelete={() => setToDelete(m)}
                onReact={(emoji) => react.mutate({ tripId, messageId: m.id, emoji })}
              />
            </Fragment>
          ))}
        </ol>
      </div>
      <p className="min-h-5 px-3 text-xs italic text-slate-500" aria-live="polite" data-testid="chat-typing">
        {typingNow.length > 0 && t('chat.typing', { count: typingNow.length, names: typingNow.map((x) => x.name).join(', ') })}
      </p>
      {react.error && (
        <p role="alert" className="px-3 text-sm text-red-700">
          {errorMessage(react.error, t)}
        </p>
      )}
      <Composer
        key={editing?.id ?? 'new'}
        tripId={tripId}
        people={people}
        meId={me?.id}
        replyTo={replyTo}
        editing={editing}
        onDone={() => {
          setReplyTo(null);
          setEditing(null);
          atBottom.current = true;
          void refresh();
        }}
        onCancel={() => {
          setReplyTo(null);
          setEditing(null);
        }}
      />
      <ConfirmDialog
        open={!!toDelete}
        title={t('chat.deleteTitle')}
        message={t('chat.deleteMessage')}
        confirmLabel={t('delete')}
        danger
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => toDelete && remove.mutate({ tripId, messageId: toDelete.id })}
        onCancel={() => setToDelete(null)}
      />
    </section>
  );
}

/** The text with @mentions of the trip's people highlighted (plain text, never HTML). */
function MessageText({ text, people, meId }: { text: string; people: Person[]; meId?: number }) {
  const byName = new Map(people.map((p) => [p.username.toLowerCase(), p]));
  const parts = text.split(/(@[\p{L}\p{N}_.-]+)/u);
  return (
    <>
      {parts.map((part, i) => {
        const person = part.startsWith('@') ? byName.get(part.slice(1).replace(/[.-]+$/, '').toLowerCase()) : undefined;
        if (!person) return <Fragment key={i}>{part}</Fragment>;
        return (
          <span key={i} className={`rounded px-0.5 font-medium ${person.id === meId ? 'bg-amber-100 text-amber-900' : 'bg-indigo-50 text-indigo-700'}`} title={person.displayName}>
            {part}
          </span>
        );
      })}
    </>
  );
}

function MessageItem(props: {
  message: Message;
  mine: boolean;
  meId?: number;
  people: Person[];
  language: string;
  onReply(): void;
  onEdit(): void;
  onDelete(): void;
  onReact(emoji: string): void;
}) {
  const { t } = useTranslation('collab');
  const { message: m } = props;
  const formatWhen = useFormatWhen();
  const [picking, setPicking] = useState(false);
  const author = m.author?.displayName ?? t('someone');
  return (
    <li className={`group rounded-md px-2 py-1 hover:bg-slate-50 focus-within:bg-slate-50 ${props.mine ? 'bg-indigo-50/40' : ''}`} data-testid="chat-message" data-message-id={m.id}>
      <div className="flex items-baseline gap-2 text-xs text-slate-500">
        <span className="font-semibold text-slate-800">{author}</span>
        <time dateTime={m.createdAt}>{formatWhen(m.createdAt)}</time>
        {m.editedAt && !m.deleted && <span>{t('chat.edited')}</span>}
      </div>
      {m.replyTo && (
        <p className="ms-2 mt-0.5 border-s-2 border-slate-300 ps-2 text-xs text-slate-500" dir="auto">
          {t('chat.replyTo', { name: m.replyTo.author?.displayName ?? t('someone') })}: {m.replyTo.deleted ? <em>{t('chat.deleted')}</em> : m.replyTo.text}
        </p>
      )}
      {m.deleted ? (
        <p className="text-sm italic text-slate-400" data-testid="chat-message-text">
          {t('chat.deleted')}
        </p>
      ) : (
        <p className="whitespace-pre-wrap break-words text-sm text-slate-900" dir="auto" data-testid="chat-message-text">
          <MessageText text={m.text} people={props.people} meId={props.meId} />
        </p>
      )}
      {!m.deleted && (
        <div className="mt-1 flex flex-wrap items-center gap-1">
          {m.reactions.map((r) => {
            const mineToo = r.users.some((u) => u.id === props.meId);
            return (
              <button
                key={r.emoji}
                type="button"
                aria-pressed={mineToo}
                aria-label={t('chat.reactionLabel', { emoji: r.emoji, count: r.count, names: r.users.map((u) => u.displayName).join(', ') })}
                onClick={() => props.onReact(r.emoji)}
                className={`rounded-full border px-2 text-xs focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${mineToo ? 'border-indigo-400 bg-indigo-50' : 'border-slate-200 bg-white'}`}
                data-testid="chat-reaction"
              >
                {r.emoji} {r.count}
              </button>
            );
          })}
          <span className="flex gap-1 opacity-70 group-hover:opacity-100 group-focus-within:opacity-100">
            <button type="button" className="rounded px-1 text-xs text-slate-600 hover:bg-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500" aria-expanded={picking} onClick={() => setPicking(!picking)} data-testid="chat-react">
              {t('chat.react')}
            </button>
            <button type="button" className="rounded px-1 text-xs text-slate-600 hover:bg-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500" onClick={props.onReply} data-testid="chat-reply">
              {t('chat.reply')}
            </button>
            {props.mine && (
              <>
                <button type="button" className="rounded px-1 text-xs text-slate-600 hover:bg-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500" onClick={props.onEdit} data-testid="chat-edit">
                  {t('edit')}
                </button>
                <button type="button" className="rounded px-1 text-xs text-red-700 hover:bg-red-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-500" onClick={props.onDelete} data-testid="chat-delete">
                  {t('delete')}
                </button>
              </>
            )}
          </span>
          {picking && (
            <span role="group" aria-label={t('chat.pickEmoji')} className="flex gap-1 rounded-full border border-slate-200 bg-white px-1">
              {QUICK_EMOJI.map((emoji) => (
                <button
                  key={emoji}
                  type="button"
                  className="rounded px-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
                  onClick={() => {
                    setPicking(false);
                    props.onReact(emoji);
                  }}
                  data-testid={`chat-emoji-${emoji}`}
                >
                  {emoji}
                </button>
              ))}
            </span>
          )}
        </div>
      )}
    </li>
  );
}

function Composer(props: { tripId: number; people: Person[]; meId?: number; replyTo: Message | null; editing: Message | null; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation('collab');
  const trpc = useTRPC();
  const [text, setText] = useState(props.editing?.text ?? '');
  const input = useRef<HTMLTextAreaElement>(null);
  const send = useMutation(trpc.collab.sendCollabMessage.mutationOptions({ onSuccess: () => finish() }));
  const edit = useMutation(trpc.collab.editCollabMessage.mutationOptions({ onSuccess: () => finish() }));
  const typing = useMutation(trpc.collab.signalCollabTyping.mutationOptions());
  const lastSignal = useRef(0);
  const finish = () => {
    setText('');
    props.onDone();
    input.current?.focus();
  };
  useEffect(() => {
    if (props.replyTo || props.editing) input.current?.focus();
  }, [props.replyTo, props.editing]);

  // @mention suggestions for the word being typed.
  const mentionQuery = /(?:^|\s)@([\p{L}\p{N}_.-]*)$/u.exec(text)?.[1];
  const suggestions = useMemo(
    () =>
      mentionQuery === undefined
        ? []
        : props.people.filter((p) => p.id !== props.meId && (p.username.toLowerCase().startsWith(mentionQuery.toLowerCase()) || p.displayName.toLowerCase().startsWith(mentionQuery.toLowerCase()))).slice(0, 5),
    [mentionQuery, props.people, props.meId],
  );
  const complete = (p: Person) => {
    setText(text.replace(/@([\p{L}\p{N}_.-]*)$/u, `@${p.username} `));
    input.current?.focus();
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const value = text.trim();
    if (!value) return;
    if (props.editing) edit.mutate({ tripId: props.tripId, messageId: props.editing.id, text: value });
    else send.mutate({ tripId: props.tripId, text: value, replyTo: props.replyTo?.id ?? null });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      if (suggestions.length > 0 && mentionQuery) complete(suggestions[0]);
      else submit();
    } else if (event.key === 'Escape' && (props.replyTo || props.editing)) {
      event.preventDefault();
      props.onCancel();
    }
  };
  const error = send.error ?? edit.error;
  return (
    <form onSubmit={submit} className="border-t border-slate-200 p-3" data-testid="chat-composer">
      {(props.replyTo || props.editing) && (
        <div className="mb-2 flex items-center justify-between gap-2 rounded bg-slate-100 px-2 py-1 text-xs text-slate-600">
          <span className="truncate" dir="auto">
            {props.editing
              ? t('chat.editing')
              : t('chat.replyingTo', { name: props.replyTo?.author?.displayName ?? t('someone'), text: props.replyTo?.text.slice(0, 80) ?? '' })}
          </span>
          <button type="button" className="rounded px-1 hover:bg-slate-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {errorMessage(error, t)}
        </p>
      )}
      {suggestions.length > 0 && (
        <ul className="mb-2 flex flex-wrap gap-1" aria-label={t('chat.mentionSuggestions')}>
          {suggestions.map((p) => (
            <li key={p.id}>
              <button type="button" onClick={() => complete(p)} className="rounded-full border border-slate-200 px-2 py-0.5 text-xs hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500">
                @{p.username} · {p.displayName}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-end gap-2">
        <label htmlFor={`chat-input-${props.tripId}`} className="sr-only">
          {t('chat.message')}
        </label>
        <textarea
          ref={input}
          id={`chat-input-${props.tripId}`}
          rows={2}
          dir="auto"
          maxLength={COLLAB_LIMITS.message}
          value={text}
          placeholder={t('chat.placeholder')}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value && Date.now() - lastSignal.current > TYPING_SIGNAL_MS) {
              lastSignal.current = Date.now();
              typing.mutate({ tripId: props.tripId });
            }
          }}
          onKeyDown={onKeyDown}
          className="block w-full resize-none rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500"
          data-testid="chat-input"
        />
        <Button type="submit" variant="primary" busy={send.isPending || edit.isPending} disabled={!text.trim()} data-testid="chat-send">
          {props.editing ? t('save') : t('chat.send')}
        </Button>
      </div>
      <p className="mt-1 text-xs text-slate-400">{t('chat.keyboardHint')}</p>
    </form>
  );
}
