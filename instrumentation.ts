// Next.js calls register() once when a server starts (not during the build). The background jobs
// and shutdown hooks need Node and the database, so they load only in the Node.js runtime
// (NEXT_RUNTIME is set by Next itself, not configuration).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startAppProcess } = await import("./lib/ops/startup");
  startAppProcess();
}
