-- AlterTable
ALTER TABLE "GitHubResponseCache" ADD COLUMN     "freshUntil" TIMESTAMP(3);

