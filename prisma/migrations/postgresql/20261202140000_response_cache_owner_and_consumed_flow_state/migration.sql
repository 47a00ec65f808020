-- CreateTable
CREATE TABLE "ConsumedFlowState" (
    "key" TEXT NOT NULL,
    "consumedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsumedFlowState_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ConsumedFlowState_expiresAt_idx" ON "ConsumedFlowState"("expiresAt");

-- CreateIndex
CREATE INDEX "GitHubResponseCache_updatedAt_idx" ON "GitHubResponseCache"("updatedAt");

-- Rows of people who no longer exist are private data nobody owns.
DELETE FROM "GitHubResponseCache" WHERE "userId" NOT IN (SELECT "id" FROM "User");

-- AddForeignKey
ALTER TABLE "GitHubResponseCache" ADD CONSTRAINT "GitHubResponseCache_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

