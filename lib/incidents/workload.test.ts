import { describe, expect, it } from "vitest";
import { workloadFromPodName } from "./workload";

describe("workloadFromPodName", () => {
  it("strips the generated suffixes of Deployment, DaemonSet, Job and StatefulSet pods", () => {
    expect(workloadFromPodName("payments-api-7d9f8b6c5-x2k4q")).toBe("payments-api");
    expect(workloadFromPodName("fluent-bit-8zq2m")).toBe("fluent-bit");
    expect(workloadFromPodName("postgres-0")).toBe("postgres");
    expect(workloadFromPodName("backup-28911340-x7kzq")).toBe("backup");
  });

  it("keeps a name without a generated suffix", () => {
    expect(workloadFromPodName("debug")).toBe("debug");
    expect(workloadFromPodName("debug-shell")).toBe("debug-shell");
    expect(workloadFromPodName("kube-apiserver-control-plane")).toBe("kube-apiserver-control-plane");
  });
});
