-- CreateTable
CREATE TABLE "JobRun" (
    "name" TEXT NOT NULL,
    "slot" BIGINT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("name")
);
