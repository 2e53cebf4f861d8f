import type { Db } from "@/lib/db";
import { hasRole, type SessionUser } from "@/lib/auth/roles";
import { HttpError } from "@/lib/http/errors";
import { whereFor } from "./events";
import type { NewSavedSearch, SavedSearchChange } from "./schemas";

export type SavedSearchDto = {
  id: string;
  name: string;
  query: string;
  from: string;
  to: string;
  columns: string[] | null;
  shared: boolean;
  owner: { id: string; email: string };
  createdAt: string;
  updatedAt: string;
  mine: boolean;
};

type Row = {
  id: number; name: string; query: string; fromExpr: string; toExpr: string; columns: string[]; shared: boolean;
  createdAt: Date; updatedAt: Date; owner: { id: string; email: string };
};

const include = { owner: { select: { id: true, email: true } } } as const;

function dto(r: Row, user: SessionUser): SavedSearchDto {
  return {
    id: String(r.id), name: r.name, query: r.query, from: r.fromExpr, to: r.toExpr,
    // Prisma reads a NULL text[] as []: "no columns chosen" is stored as NULL and shown as null.
    columns: r.columns.length ? r.columns : null,
    shared: r.shared, owner: r.owner, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), mine: r.owner.id === user.id,
  };
}

/** Sharing with the team is a change others see: analysts and admins only. A viewer keeps private searches. */
function checkShare(user: SessionUser, shared: boolean | undefined): void {
  if (shared && !hasRole(user.role, "analyst")) throw new HttpError(403, "sharing a search with the team requires role analyst");
}

/** The user's own searches and the team's shared ones, most recently changed first. */
export async function listSavedSearches(db: Db, user: SessionUser): Promise<SavedSearchDto[]> {
  const rows = await db.prisma.savedSearch.findMany({
    where: { OR: [{ ownerId: user.id }, { shared: true }] },
    include,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 500,
  });
  return rows.map((r) => dto(r, user));
}

export async function createSavedSearch(db: Db, user: SessionUser, input: NewSavedSearch): Promise<SavedSearchDto> {
  checkShare(user, input.shared);
  whereFor(input.query); // a query that does not parse is a 400 with its position, not a broken saved search
  const row = await db.prisma.savedSearch.create({
    data: {
      ownerId: user.id, name: input.name, query: input.query, fromExpr: input.from, toExpr: input.to,
      columns: input.columns ?? undefined, shared: input.shared ?? false,
    },
    include,
  });
  return dto(row, user);
}

async function editable(db: Db, user: SessionUser, id: number) {
  const row = await db.prisma.savedSearch.findUnique({ where: { id }, select: { ownerId: true, shared: true } });
  // Someone else's private search is not even acknowledged to exist.
  if (!row || (row.ownerId !== user.id && !row.shared && user.role !== "admin")) throw new HttpError(404, "saved search not found");
  if (row.ownerId !== user.id && user.role !== "admin") throw new HttpError(403, "only the owner or an admin can change this search");
  return row;
}

export async function updateSavedSearch(db: Db, user: SessionUser, id: number, change: SavedSearchChange): Promise<SavedSearchDto> {
  await editable(db, user, id);
  checkShare(user, change.shared);
  if (change.query !== undefined) whereFor(change.query);
  const row = await db.prisma.savedSearch.update({
    where: { id },
    data: {
      name: change.name, query: change.query, fromExpr: change.from, toExpr: change.to, shared: change.shared,
      columns: change.columns === undefined ? undefined : { set: change.columns ?? [] },
      updatedAt: new Date(),
    },
    include,
  });
  return dto(row, user);
}

export async function deleteSavedSearch(db: Db, user: SessionUser, id: number): Promise<void> {
  await editable(db, user, id);
  await db.prisma.savedSearch.delete({ where: { id } });
}
