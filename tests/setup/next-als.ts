import { AsyncLocalStorage } from "node:async_hooks";

// Next.js keeps request state (cookies(), headers()) in AsyncLocalStorage and
// looks for the constructor on globalThis when its modules load, as its own
// server sets it up. Import this before anything that imports next/*.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
