-- AlterTable
ALTER TABLE "GitHubResponseCache" ADD COLUMN "freshUntil" DATETIME;
