/** Runs once per server process (not during `next build`): database, migrations, demo data, jobs. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerProcess } = await import("./server/boot");
  await startServerProcess();
}
