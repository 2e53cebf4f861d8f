"use client";

import { Check, Link2 } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Menu, MenuItem } from "@/components/search/menu";
import { copyText } from "@/lib/client/clipboard";
import { absoluteParams, urlWith } from "@/lib/client/timeline-url";

type Props = {
  /** The current URL query string and path. */
  params: string;
  pathname: string;
  /** The window the server resolved for the results on screen, to freeze exactly that. */
  resolved: { from: string; to: string } | null;
};

/** "Copy link" (as in the address bar) and "Copy link with absolute time" (relative range frozen). */
export function CopyLinkMenu({ params, pathname, resolved }: Props) {
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(t);
  }, [copied]);

  async function copy(absolute: boolean) {
    const sp = new URLSearchParams(params);
    const url = window.location.origin + urlWith(pathname, absolute ? absoluteParams(sp, resolved) : sp);
    if (await copyText(url)) setCopied(absolute ? "Link with absolute time copied" : "Link copied");
  }

  return (
    <>
      <Menu
        label="Copy link"
        trigger={
          <Button className="h-8" title="Copy a link to this screen">
            {copied ? <Check className="size-3.5 text-emerald-500" aria-hidden /> : <Link2 className="size-3.5" aria-hidden />}
            Copy link
          </Button>
        }
      >
        <MenuItem onSelect={() => void copy(false)}>Copy link (time as shown: {new URLSearchParams(params).get("from") ?? "now-24h"})</MenuItem>
        <MenuItem onSelect={() => void copy(true)}>Copy link with absolute time</MenuItem>
      </Menu>
      <span className="sr-only" role="status" aria-live="polite">
        {copied ?? ""}
      </span>
    </>
  );
}
