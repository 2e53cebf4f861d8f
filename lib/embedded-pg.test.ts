import { describe, expect, it } from "vitest";
import { sharedBuffers } from "./embedded-pg";

const GiB = 1024 ** 3;

describe("embedded PostgreSQL shared_buffers", () => {
  it("takes a quarter of memory, at least 128 MB and at most 4 GiB", () => {
    expect(sharedBuffers({}, 8 * GiB)).toBe("2048MB");
    expect(sharedBuffers({}, 24 * GiB)).toBe("4096MB");
    expect(sharedBuffers({}, 256 * 1024 ** 2)).toBe("128MB");
  });

  it("CROWSNEST_PG_SHARED_BUFFERS overrides when it is a PostgreSQL size", () => {
    expect(sharedBuffers({ CROWSNEST_PG_SHARED_BUFFERS: "512MB" }, 24 * GiB)).toBe("512MB");
    expect(sharedBuffers({ CROWSNEST_PG_SHARED_BUFFERS: "512MB; DROP" }, 8 * GiB)).toBe("2048MB");
  });
});
