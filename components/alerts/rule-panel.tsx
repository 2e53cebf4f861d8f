import type { ReactNode } from "react";
import type { AlertRule } from "@/lib/client/types";
import { AlertSeverityBadge } from "@/components/ui/domain-badges";

/** T1609 -> /techniques/T1609/, T1552.007 -> /techniques/T1552/007/ */
function mitreUrl(id: string): string | null {
  const m = /^(T\d{4})(?:\.(\d{3}))?$/.exec(id.trim());
  if (!m) return null;
  return `https://attack.mitre.org/techniques/${m[1]}/${m[2] ? `${m[2]}/` : ""}`;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mt-3">
      <h3 className="mb-1 text-[10.5px] font-semibold tracking-wider text-muted uppercase">{title}</h3>
      {children}
    </div>
  );
}

export function RulePanel({ rule }: { rule: AlertRule }) {
  return (
    <section aria-label="Rule" className="rounded border border-line bg-panel p-3">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-semibold">{rule.name}</h2>
        <AlertSeverityBadge severity={rule.severity} />
        <span className="font-mono text-[11px] text-muted">{rule.id}</span>
      </div>
      <p className="mt-1.5 text-xs whitespace-pre-wrap">{rule.description}</p>

      {rule.mitre.length > 0 && (
        <Block title="MITRE ATT&CK">
          <div className="flex flex-wrap gap-1.5">
            {rule.mitre.map((id) => {
              const url = mitreUrl(id);
              const cls = "rounded-sm border border-line bg-panel-2 px-1.5 py-0.5 font-mono text-[11px]";
              return url ? (
                <a key={id} href={url} target="_blank" rel="noopener noreferrer" className={`${cls} text-accent hover:underline`}>
                  {id}
                </a>
              ) : (
                <span key={id} className={cls}>
                  {id}
                </span>
              );
            })}
          </div>
        </Block>
      )}

      {rule.remediation && (
        <Block title="Remediation">
          <p className="text-xs whitespace-pre-wrap">{rule.remediation}</p>
        </Block>
      )}

      {rule.equivalents.length > 0 && (
        <Block title="Equivalent rules">
          <ul className="list-inside list-disc text-xs">
            {rule.equivalents.map((e) => (
              <li key={e} className="font-mono">
                {e}
              </li>
            ))}
          </ul>
        </Block>
      )}

      {rule.references.length > 0 && (
        <Block title="References">
          <ul className="text-xs">
            {rule.references.map((r) => (
              <li key={r} className="truncate">
                {isHttpUrl(r) ? (
                  <a href={r} target="_blank" rel="noopener noreferrer" className="text-accent hover:underline">
                    {r}
                  </a>
                ) : (
                  r
                )}
              </li>
            ))}
          </ul>
        </Block>
      )}
    </section>
  );
}
