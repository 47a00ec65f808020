-- AlterTable
ALTER TABLE "GitHubResponseCache" ADD COLUMN     "invalidatedAt" TIMESTAMP(3);

