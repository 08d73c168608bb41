import { describe, expect, it } from "vitest";
import { auditLog, leads, partners } from "@/server/db/schema";
import { setupProgram } from "@/server/testing/fixtures";
import { listAudit } from "./queries";

/** The audit log names what each entry is about, and links to it, instead of showing its id. */
describe("the audit log's entities", async () => {
  const { db } = await setupProgram();

  it("names partners and leads from their own tables and links to their pages", async () => {
    const names = new Map<string, string>([
      ...(await db.select({ id: partners.id, name: partners.name }).from(partners)).map(
        (r) => [`partner:${r.id}`, r.name] as const,
      ),
      ...(await db.select({ id: leads.id, name: leads.companyName }).from(leads)).map(
        (r) => [`lead:${r.id}`, r.name] as const,
      ),
    ]);
    // The demo's history audits partners; a lead's entry is written here.
    const [lead] = await db.select({ id: leads.id }).from(leads).limit(1);
    await db
      .insert(auditLog)
      .values({ actorKind: "system", action: "test.lead", entityType: "lead", entityId: lead!.id });
    for (const entityType of ["partner", "lead"]) {
      const page = await listAudit(db, { page: 1, pageSize: 50, sortDir: "desc", entityType });
      expect(page.rows.length, `the demo audits ${entityType}s`).toBeGreaterThan(0);
      for (const row of page.rows) {
        expect(row.entity?.name).toBe(names.get(`${entityType}:${row.entityId}`));
        expect(row.entity?.href).toBe(`/manage/${entityType}s/${row.entityId}`);
      }
    }
  });

  it("leaves the entity out when the record is not there or the id is not a record's", async () => {
    await db.insert(auditLog).values([
      {
        actorKind: "system",
        action: "test.gone",
        entityType: "partner",
        entityId: "00000000-0000-4000-8000-000000000000",
      },
      { actorKind: "system", action: "test.settings", entityType: "program", entityId: "1" },
    ]);
    const page = await listAudit(db, { page: 1, pageSize: 10, sortDir: "desc", action: "test.gone" });
    expect(page.rows[0]?.entity).toBeNull();
    const settings = await listAudit(db, { page: 1, pageSize: 10, sortDir: "desc", action: "test.settings" });
    expect(settings.rows[0]?.entity).toBeNull();
  });
});
