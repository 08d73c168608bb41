import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { plainTextField } from "@/lib/text";
import { leads, products } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, NotFoundError } from "../errors";

/** What pickers offer (the registration form, the queue's filter): no lead counts, so no pass over the leads. */
export async function productOptions(db: Db, options: { includeArchived: boolean }) {
  return db
    .select({ id: products.id, name: products.name, description: products.description, active: products.active })
    .from(products)
    .where(options.includeArchived ? undefined : eq(products.active, true))
    .orderBy(asc(products.name));
}

/** The catalog partners pick from; staff see archived products too, with how many leads name each. */
export async function listProducts(db: Db, options: { includeArchived: boolean }) {
  const rows = await db
    .select({
      id: products.id,
      name: products.name,
      description: products.description,
      active: products.active,
      leadCount: sql<number>`count(${leads.id})::int`,
    })
    .from(products)
    .leftJoin(leads, eq(leads.productId, products.id))
    .where(options.includeArchived ? undefined : eq(products.active, true))
    .groupBy(products.id)
    .orderBy(asc(products.name));
  return options.includeArchived
    ? rows
    : rows.map(({ id, name, description }) => ({ id, name, description, active: true, leadCount: 0 }));
}

export const productFields = {
  name: plainTextField({ min: 2, max: 80 }),
  description: z.string().trim().max(500).default(""),
};
export const createProductInput = z.object(productFields);
export const updateProductInput = z.object({ productId: z.uuid(), ...productFields, active: z.boolean() });

async function assertNameFree(tx: Db, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: products.id })
    .from(products)
    .where(sql`lower(${products.name}) = lower(${name})`);
  if (clash && clash.id !== exceptId) throw new ConflictError("product.nameTaken", "name");
}

export async function createProduct(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof createProductInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    await assertNameFree(tx, input.name);
    const [row] = await tx
      .insert(products)
      .values({ name: input.name, description: input.description || null, createdAt: clock.now() })
      .returning();
    await audit(
      tx,
      actor,
      { action: "product.created", entityType: "product", entityId: row!.id, after: row },
      clock.now(),
    );
    return row!;
  });
}

/** Renames, describes, archives or restores; leads keep pointing at an archived product. */
export async function updateProduct(ctx: ServiceCtx<StaffActor>, input: z.infer<typeof updateProductInput>) {
  const { actor, clock } = ctx;
  return withTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(products).where(eq(products.id, input.productId)).for("update");
    if (!before) throw new NotFoundError("product.notFound", "productId");
    await assertNameFree(tx, input.name, input.productId);
    const [after] = await tx
      .update(products)
      .set({ name: input.name, description: input.description || null, active: input.active })
      .where(eq(products.id, input.productId))
      .returning();
    await audit(
      tx,
      actor,
      { action: "product.updated", entityType: "product", entityId: input.productId, before, after },
      clock.now(),
    );
    return after!;
  });
}
