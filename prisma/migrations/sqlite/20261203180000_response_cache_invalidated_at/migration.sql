-- AlterTable
ALTER TABLE "GitHubResponseCache" ADD COLUMN "invalidatedAt" DATETIME;

