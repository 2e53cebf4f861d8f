"use client";

import { Columns3 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Menu, MenuCheckbox, MenuItem, MenuSeparator } from "@/components/search/menu";
import { COLUMNS, DEFAULT_COLUMNS, sameColumns, type ColumnDef } from "./columns";

type Props = { columns: ColumnDef[]; onChange: (ids: string[] | null) => void };

/** Show/hide table columns; the choice lives in the URL (`columns=`), null = the default set. */
export function ColumnsMenu({ columns, onChange }: Props) {
  const shown = new Set(columns.map((c) => c.id));
  function toggle(id: string, on: boolean) {
    const next = COLUMNS.map((c) => c.id).filter((c) => (c === id ? on : shown.has(c)));
    onChange(sameColumns(next, DEFAULT_COLUMNS) ? null : next);
  }
  return (
    <Menu
      label="Columns"
      className="max-h-[70vh] overflow-y-auto"
      trigger={
        <Button size="xs">
          <Columns3 className="size-3.5" aria-hidden />
          Columns
        </Button>
      }
    >
      {COLUMNS.map((c) => (
        <MenuCheckbox key={c.id} checked={shown.has(c.id)} disabled={c.id === "ts"} onChange={(on) => toggle(c.id, on)}>
          {c.label}
        </MenuCheckbox>
      ))}
      <MenuSeparator />
      <MenuItem onSelect={() => onChange(null)}>Reset to default</MenuItem>
    </Menu>
  );
}
