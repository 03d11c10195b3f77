-- CreateTable
CREATE TABLE "CollabNote" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL DEFAULT '',
    "category" TEXT NOT NULL DEFAULT 'General',
    "color" TEXT NOT NULL DEFAULT '#6366f1',
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "authorId" INTEGER,
    "lastEditorId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CollabNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollabPoll" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "question" TEXT NOT NULL,
    "multiple" BOOLEAN NOT NULL DEFAULT false,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "deadline" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollabPoll_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollabPollOption" (
    "id" SERIAL NOT NULL,
    "pollId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,

    CONSTRAINT "CollabPollOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollabPollVote" (
    "pollId" INTEGER NOT NULL,
    "optionId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollabPollVote_pkey" PRIMARY KEY ("optionId","userId")
);

-- CreateTable
CREATE TABLE "CollabMessage" (
    "id" SERIAL NOT NULL,
    "tripId" INTEGER NOT NULL,
    "authorId" INTEGER,
    "text" TEXT NOT NULL,
    "replyToId" INTEGER,
    "mentionedUserIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollabMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CollabReaction" (
    "messageId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "emoji" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CollabReaction_pkey" PRIMARY KEY ("messageId","userId","emoji")
);

-- CreateTable
CREATE TABLE "CollabChatRead" (
    "tripId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "lastReadMessageId" INTEGER NOT NULL DEFAULT 0,
    "typingAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CollabChatRead_pkey" PRIMARY KEY ("tripId","userId")
);

-- CreateIndex
CREATE INDEX "CollabNote_tripId_idx" ON "CollabNote"("tripId");

-- CreateIndex
CREATE INDEX "CollabPoll_tripId_idx" ON "CollabPoll"("tripId");

-- CreateIndex
CREATE UNIQUE INDEX "CollabPollOption_pollId_position_key" ON "CollabPollOption"("pollId", "position");

-- CreateIndex
CREATE INDEX "CollabPollVote_pollId_userId_idx" ON "CollabPollVote"("pollId", "userId");

-- CreateIndex
CREATE INDEX "CollabMessage_tripId_id_idx" ON "CollabMessage"("tripId", "id");

-- AddForeignKey
ALTER TABLE "CollabNote" ADD CONSTRAINT "CollabNote_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabNote" ADD CONSTRAINT "CollabNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabNote" ADD CONSTRAINT "CollabNote_lastEditorId_fkey" FOREIGN KEY ("lastEditorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabPoll" ADD CONSTRAINT "CollabPoll_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabPoll" ADD CONSTRAINT "CollabPoll_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabPollOption" ADD CONSTRAINT "CollabPollOption_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "CollabPoll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabPollVote" ADD CONSTRAINT "CollabPollVote_pollId_fkey" FOREIGN KEY ("pollId") REFERENCES "CollabPoll"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabPollVote" ADD CONSTRAINT "CollabPollVote_optionId_fkey" FOREIGN KEY ("optionId") REFERENCES "CollabPollOption"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabPollVote" ADD CONSTRAINT "CollabPollVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabMessage" ADD CONSTRAINT "CollabMessage_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabMessage" ADD CONSTRAINT "CollabMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabMessage" ADD CONSTRAINT "CollabMessage_replyToId_fkey" FOREIGN KEY ("replyToId") REFERENCES "CollabMessage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabReaction" ADD CONSTRAINT "CollabReaction_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "CollabMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabReaction" ADD CONSTRAINT "CollabReaction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabChatRead" ADD CONSTRAINT "CollabChatRead_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "Trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollabChatRead" ADD CONSTRAINT "CollabChatRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

