import Markdown, { type Components } from "react-markdown";
import { cn } from "@/components/ui/cn";

/**
 * Notes are Markdown written by analysts, who paste attacker-controlled log
 * text into them. react-markdown builds React elements (never innerHTML) and,
 * without rehype-raw, shows raw HTML as literal text. On top of that: links
 * only to http(s) and mailto, opened with no referrer and no follow; images are
 * not loaded (a remote image in a note would tell its host who read it, and when).
 */
export function safeUrl(value: string): string {
  try {
    const u = new URL(value);
    return u.protocol === "http:" || u.protocol === "https:" || u.protocol === "mailto:" ? value : "";
  } catch {
    return "";
  }
}

const components: Components = {
  a: ({ href, children, title }) =>
    href ? (
      <a href={href} title={title} target="_blank" rel="noopener noreferrer nofollow" className="text-accent underline underline-offset-2">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ alt }) => <span className="text-muted">[image: {alt || "no description"}]</span>,
  h1: ({ children }) => <p className="font-semibold">{children}</p>,
  h2: ({ children }) => <p className="font-semibold">{children}</p>,
  h3: ({ children }) => <p className="font-semibold">{children}</p>,
  code: ({ children }) => <code className="rounded-sm bg-panel-2 px-1 font-mono text-[11px]">{children}</code>,
  pre: ({ children }) => <pre className="overflow-x-auto rounded bg-panel-2 p-2 font-mono text-[11px] [&_code]:bg-transparent [&_code]:p-0">{children}</pre>,
  ul: ({ children }) => <ul className="list-disc pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="list-decimal pl-5">{children}</ol>,
  blockquote: ({ children }) => <blockquote className="border-l-2 border-line pl-2 text-muted">{children}</blockquote>,
};

export function SafeMarkdown({ source, className }: { source: string; className?: string }) {
  return (
    <div className={cn("flex flex-col gap-1.5 text-xs break-words", className)} data-testid="markdown">
      <Markdown urlTransform={safeUrl} components={components}>
        {source}
      </Markdown>
    </div>
  );
}
