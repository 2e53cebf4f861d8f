import { ShieldOff } from "lucide-react";
import Link from "next/link";

export function Forbidden() {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="max-w-sm rounded-md border border-line bg-panel p-6 text-center">
        <ShieldOff className="mx-auto mb-3 size-8 text-danger" aria-hidden />
        <h1 className="mb-1 text-base font-semibold">Access denied</h1>
        <p className="mb-4 text-xs text-muted">Your role does not allow this page. Ask an administrator if you need access.</p>
        <Link href="/events" className="text-xs font-medium text-accent hover:underline">
          Back to the timeline
        </Link>
      </div>
    </main>
  );
}
