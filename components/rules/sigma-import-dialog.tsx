"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Label, Textarea } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useImportSigma } from "@/lib/client/rules";

const MAX_FILE = 2 * 1024 * 1024;

/** Paste or upload Sigma YAML (one or many rules); shows what was imported and what was not, and why. */
export function SigmaImportDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  const [yaml, setYaml] = useState("");
  const [enable, setEnable] = useState(true);
  const [fileError, setFileError] = useState<string | null>(null);
  const imp = useImportSigma();

  async function readFiles(files: FileList | null) {
    setFileError(null);
    if (!files?.length) return;
    const texts: string[] = [];
    for (const f of Array.from(files)) {
      if (f.size > MAX_FILE) {
        setFileError(`${f.name} is larger than 2 MiB`);
        return;
      }
      texts.push(await f.text());
    }
    setYaml(texts.join("\n---\n"));
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        onOpenChange(o);
        if (!o) imp.reset();
      }}
      title="Import Sigma rules"
      description="Kubernetes audit rules (logsource product: kubernetes, service: audit) and rules on Crowsnest's own fields (product: crowsnest). Author, licence and references are kept with each rule."
      className="max-w-2xl"
    >
      {imp.data ? (
        <div className="flex flex-col gap-3 text-xs" data-testid="sigma-result">
          <p>
            <strong>{imp.data.imported.length}</strong> imported, <strong>{imp.data.unsupported.length}</strong> not supported.
          </p>
          {imp.data.imported.length > 0 && (
            <ul className="flex max-h-56 flex-col gap-1.5 overflow-y-auto">
              {imp.data.imported.map((r) => (
                <li key={r.id}>
                  <Link href={`/rules/${encodeURIComponent(r.id)}`} className="font-medium text-accent hover:underline">{r.name}</Link>
                  <span className="text-muted"> — {r.created ? "new" : "updated"}, {r.enabled ? "enabled" : "disabled"}; by {r.author ?? "unknown author"}, {r.license}</span>
                  {r.notes.map((n) => <div key={n} className="text-amber-700 dark:text-amber-300">note: {n}</div>)}
                </li>
              ))}
            </ul>
          )}
          {imp.data.unsupported.length > 0 && (
            <div>
              <h3 className="mb-1 font-semibold">Not imported</h3>
              <ul className="flex max-h-56 flex-col gap-1 overflow-y-auto" data-testid="sigma-unsupported">
                {imp.data.unsupported.map((u, i) => (
                  <li key={i}>
                    <span className="font-medium">{u.rule}</span>: <span className="text-danger">{u.reason}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="flex justify-end gap-2">
            <Button onClick={() => imp.reset()}>Import more</Button>
            <Button variant="primary" onClick={() => onOpenChange(false)}>Done</Button>
          </div>
        </div>
      ) : (
        <form
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            imp.mutate({ yaml, enable });
          }}
        >
          <div className="flex flex-col gap-1">
            <Label htmlFor="sigma-yaml">Sigma YAML (separate several rules with ---)</Label>
            <Textarea id="sigma-yaml" rows={14} value={yaml} onChange={(e) => setYaml(e.target.value)} className="font-mono text-[11px]" placeholder={"title: …\nlogsource:\n  product: kubernetes\n  service: audit\ndetection:\n  selection:\n    verb: delete\n    objectRef.resource: events\n  condition: selection"} />
          </div>
          <div className="flex flex-wrap items-center gap-3 text-xs">
            <label className="inline-flex items-center gap-1.5">
              or upload <input type="file" accept=".yml,.yaml,text/yaml" multiple onChange={(e) => void readFiles(e.target.files)} className="text-xs" />
            </label>
            <label className="ml-auto inline-flex items-center gap-1.5">
              <input type="checkbox" checked={enable} onChange={(e) => setEnable(e.target.checked)} /> enable the imported rules
            </label>
          </div>
          {fileError && <ErrorBox>{fileError}</ErrorBox>}
          {imp.isError && <ErrorBox>{errorMessage(imp.error)}</ErrorBox>}
          <p className="text-[11px] text-muted">Sigma rules from SigmaHQ are licensed under the Detection Rule License 1.1, which requires attribution: Crowsnest shows each rule&apos;s author and licence with it.</p>
          <div className="flex justify-end">
            <Button type="submit" variant="primary" disabled={!yaml.trim() || imp.isPending}>
              {imp.isPending ? "Importing…" : "Import"}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
