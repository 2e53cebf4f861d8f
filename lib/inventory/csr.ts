/**
 * The subject of a PKCS#10 certificate signing request, as Kubernetes carries
 * it in CertificateSigningRequest.spec.request (base64 of the PEM). The CN is
 * the user name the signed certificate will authenticate as, the O fields its
 * groups. Node's crypto parses certificates but not CSRs, so this walks the
 * few DER structures needed; anything unexpected gives null, never a throw
 * (the bytes come from whoever created the request).
 */

type Tlv = { tag: number; start: number; end: number };

function readTlv(b: Uint8Array, off: number, limit: number): Tlv | null {
  if (off + 2 > limit) return null;
  const tag = b[off];
  let len = b[off + 1];
  let start = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > limit) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[start + i];
    start += n;
  }
  const end = start + len;
  return end <= limit ? { tag, start, end } : null;
}

const SEQUENCE = 0x30;
const SET = 0x31;
const OID = 0x06;
const CN = "2.5.4.3";
const O = "2.5.4.10";

function oidText(b: Uint8Array, t: Tlv): string {
  const bytes = b.subarray(t.start, t.end);
  if (bytes.length === 0) return "";
  const parts = [Math.floor(bytes[0] / 40), bytes[0] % 40];
  let v = 0;
  for (let i = 1; i < bytes.length; i++) {
    v = v * 128 + (bytes[i] & 0x7f);
    if (!(bytes[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join(".");
}

function stringValue(b: Uint8Array, t: Tlv): string | null {
  const bytes = b.subarray(t.start, t.end);
  switch (t.tag) {
    case 0x0c: // UTF8String
      return new TextDecoder().decode(bytes);
    case 0x13: // PrintableString
    case 0x16: // IA5String
    case 0x14: // T61String
      return String.fromCharCode(...bytes);
    case 0x1e: {
      // BMPString (UTF-16BE)
      let s = "";
      for (let i = 0; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
      return s;
    }
    default:
      return null;
  }
}

export type CsrSubject = { commonName: string | null; organizations: string[] };

/** Subject of a DER-encoded PKCS#10 request. */
export function csrSubjectFromDer(der: Uint8Array): CsrSubject | null {
  const outer = readTlv(der, 0, der.length);
  if (!outer || outer.tag !== SEQUENCE) return null;
  const info = readTlv(der, outer.start, outer.end);
  if (!info || info.tag !== SEQUENCE) return null;
  const version = readTlv(der, info.start, info.end);
  if (!version || version.tag !== 0x02) return null;
  const subject = readTlv(der, version.end, info.end);
  if (!subject || subject.tag !== SEQUENCE) return null;
  const out: CsrSubject = { commonName: null, organizations: [] };
  for (let off = subject.start; off < subject.end; ) {
    const rdn = readTlv(der, off, subject.end);
    if (!rdn || rdn.tag !== SET) return null;
    for (let a = rdn.start; a < rdn.end; ) {
      const atv = readTlv(der, a, rdn.end);
      if (!atv || atv.tag !== SEQUENCE) return null;
      const oid = readTlv(der, atv.start, atv.end);
      const val = oid ? readTlv(der, oid.end, atv.end) : null;
      if (!oid || oid.tag !== OID || !val) return null;
      const type = oidText(der, oid);
      const text = stringValue(der, val);
      if (text !== null && type === CN && out.commonName === null) out.commonName = text;
      if (text !== null && type === O) out.organizations.push(text);
      a = atv.end;
    }
    off = rdn.end;
  }
  return out;
}

/** spec.request as the API returns it: base64 of a PEM "CERTIFICATE REQUEST" block. */
export function csrSubject(specRequest: unknown): CsrSubject | null {
  if (typeof specRequest !== "string" || specRequest.length > 64 * 1024) return null;
  try {
    const pem = Buffer.from(specRequest, "base64").toString("latin1");
    const m = pem.match(/-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----([A-Za-z0-9+/=\s]+)-----END (?:NEW )?CERTIFICATE REQUEST-----/);
    const der = m ? Buffer.from(m[1].replace(/\s+/g, ""), "base64") : Buffer.from(specRequest, "base64");
    return csrSubjectFromDer(new Uint8Array(der));
  } catch {
    return null;
  }
}
