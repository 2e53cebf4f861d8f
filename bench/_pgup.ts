import { startEmbeddedPostgres } from "../lib/embedded-pg";
const pg = await startEmbeddedPostgres(process.argv[2], { port: Number(process.argv[3]) });
console.log(pg.url);
process.on("SIGTERM", async () => { await pg.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
