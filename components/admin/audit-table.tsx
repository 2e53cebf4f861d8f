import { Table, Td, TextCell, Th } from "@/components/ui/table";
import type { AuditEntry } from "@/lib/client/audit";
import { formatTs } from "@/lib/client/format";

function detailsText(d: unknown): string {
  if (d === null || d === undefined) return "";
  if (typeof d === "string") return d;
  const s = JSON.stringify(d);
  return s === "{}" ? "" : s;
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="overflow-x-auto">
      <Table className="min-w-[1100px]">
        <thead>
          <tr>
            <Th className="text-right">#</Th>
            <Th>Time</Th>
            <Th>User</Th>
            <Th>Action</Th>
            <Th>Target</Th>
            <Th className="w-full">Details</Th>
            <Th>Hash</Th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid="audit-row" className="hover:bg-row-hover">
              <Td className="text-right font-mono text-muted tabular-nums">{e.id}</Td>
              <Td className="font-mono whitespace-nowrap text-muted">
                <time dateTime={e.at}>{formatTs(e.at)}</time>
              </Td>
              <TextCell value={e.user?.email ?? "system"} className="max-w-[14rem]" />
              <TextCell value={e.action} className="max-w-[14rem]" />
              <TextCell value={e.target} className="max-w-[12rem]" />
              <TextCell value={detailsText(e.details)} className="max-w-[32rem]" />
              <Td className="font-mono text-muted" title={`hash ${e.hash}\nprev ${e.prevHash}`}>
                {e.hash.slice(0, 12)}…
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
