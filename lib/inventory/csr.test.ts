import { describe, expect, it } from "vitest";
import { csrSubject, csrSubjectFromDer } from "./csr";

// Made with: openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "…" | base64 -w0
const NODE_CSR = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlJQkhqQ0J4UUlCQURCak1SVXdFd1lEVlFRS0RBeHplWE4wWlcwNmJtOWtaWE14RERBS0JnTlZCQW9NQTI5dwpjekU4TURvR0ExVUVBd3d6YzNsemRHVnRPbTV2WkdVNmFYQXRNVEF0TUMweExUSXpMbVYxTFhkbGMzUXRNUzVqCmIyMXdkWFJsTG1sdWRHVnlibUZzTUZrd0V3WUhLb1pJemowQ0FRWUlLb1pJemowREFRY0RRZ0FFNDFoK2dkNFcKUkJDOUNUYk1CQ04zaVhSVmNBZ3lGNUlLV3NhZSsyT1hrZjRyM284Q3llRHIrTTZtdDZlZi9jeFowSjg5TkxybgpXV084YTBNMDFJL1h0S0FBTUFvR0NDcUdTTTQ5QkFNQ0EwZ0FNRVVDSUY2WHo2amJZeHo5RWVHdTJXVWpWcmVLCkVCZ2NiZUdHZHZ0aEJwTkhrOTVZQWlFQThpT1ZwWjJIVGlMRHhTZGZGVkRnWmptaU84dW5VSVFIM2xkRVkwRFcKR3lBPQotLS0tLUVORCBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0K";
const USER_CSR = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlIYU1JR0JBZ0VBTUI4eEhUQWJCZ05WQkFNTUZHMWhiR3h2Y25sQVpYWnBiQzVsZUdGdGNHeGxNRmt3RXdZSApLb1pJemowQ0FRWUlLb1pJemowREFRY0RRZ0FFb1dTMUtUdGgrL04zZFNTMnBwU09BeU1wZEJLM1E0ZnA5THNFClhZUmxkdkI5d0IxNFdJd3c3Z0FzeVJPYTIwSzdYdXJnSTBWSnJqdGIyYjI3Y2lXYUxLQUFNQW9HQ0NxR1NNNDkKQkFNQ0EwZ0FNRVVDSUJPcldDOFpqZEhuckdMUitiNGl0cUFMUXl5a0V5aTRFZ0VRN2RucXQxdnpBaUVBOHZ4QQp0Sm8vOSt0QVFJM1ZDdmhZSUhsWnFIdG1GM1VFaUVWdEZkdG5WNzg9Ci0tLS0tRU5EIENFUlRJRklDQVRFIFJFUVVFU1QtLS0tLQo=";

describe("csrSubject", () => {
  it("reads CN and O of a kubelet-style request (base64 of the PEM, as spec.request holds it)", () => {
    expect(csrSubject(NODE_CSR)).toEqual({ commonName: "system:node:ip-10-0-1-23.eu-west-1.compute.internal", organizations: ["system:nodes", "ops"] });
  });

  it("reads a UTF8String CN without organizations", () => {
    expect(csrSubject(USER_CSR)).toEqual({ commonName: "mallory@evil.example", organizations: [] });
  });

  it("gives null, never throws, on junk and truncated DER", () => {
    expect(csrSubject("not base64 at all!")).toBeNull();
    expect(csrSubject(42)).toBeNull();
    expect(csrSubject(Buffer.from("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----").toString("base64"))).toBeNull();
    const pem = Buffer.from(NODE_CSR, "base64").toString();
    const der = Buffer.from(pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""), "base64");
    for (const cut of [1, 5, 20, 60, der.length - 1]) expect(() => csrSubjectFromDer(der.subarray(0, cut))).not.toThrow();
    expect(csrSubjectFromDer(der.subarray(0, 20))).toBeNull();
  });
});
