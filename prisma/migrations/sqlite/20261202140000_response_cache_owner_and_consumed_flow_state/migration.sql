-- CreateTable
CREATE TABLE "ConsumedFlowState" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "consumedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_GitHubResponseCache" (
    "userId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "etag" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "url"),
    CONSTRAINT "GitHubResponseCache_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Rows of people who no longer exist are private data nobody owns: they are not carried over.
INSERT INTO "new_GitHubResponseCache" ("body", "etag", "updatedAt", "url", "userId") SELECT "body", "etag", "updatedAt", "url", "userId" FROM "GitHubResponseCache" WHERE "userId" IN (SELECT "id" FROM "User");
DROP TABLE "GitHubResponseCache";
ALTER TABLE "new_GitHubResponseCache" RENAME TO "GitHubResponseCache";
CREATE INDEX "GitHubResponseCache_updatedAt_idx" ON "GitHubResponseCache"("updatedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ConsumedFlowState_expiresAt_idx" ON "ConsumedFlowState"("expiresAt");

