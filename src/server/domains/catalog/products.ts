import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { localized } from "@/lib/localized";
import { plainTextField } from "@/lib/text";
import { leads, products } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { StaffActor } from "../actor";
import { audit } from "../audit/service";
import { withTransaction, type ServiceCtx } from "../context";
import { ConflictError, NotFoundError } from "../errors";

interface CatalogOptions {
  includeArchived: boolean;
  /**
   * The reader's language. Given, `name` and `description` are the reader's text (the other
   * language's where it is missing, with `nameLang` saying which), so the pages that list them
   * need no change; omitted, they are the English texts staff manage and match on.
   */
  locale?: string;
}

/** A product's name and description in the reader's language, and which language the name is in. */
function inReaderLanguage<
  T extends { name: string; nameAr: string | null; description: string | null; descriptionAr: string | null },
>(row: T, locale: string | undefined) {
  if (!locale) return { name: row.name, description: row.description, nameLang: "en" as const, nameFallback: false };
  const name = localized(locale, row.name, row.nameAr);
  const description = localized(locale, row.description, row.descriptionAr);
  return {
    name: name?.text ?? row.name,
    description: description?.text ?? null,
    nameLang: name?.lang ?? ("en" as const),
    nameFallback: name?.fallback ?? false,
  };
}

/** A product in both languages, as pickers and the staff list read it. */
const productColumns = {
  id: products.id,
  name: products.name,
  nameAr: products.nameAr,
  description: products.description,
  descriptionAr: products.descriptionAr,
  active: products.active,
};

/** What pickers offer (the registration form, the queue's filter): no lead counts, so no pass over the leads. */
export async function productOptions(db: Db, options: CatalogOptions) {
  const rows = await db
    .select(productColumns)
    .from(products)
    .where(options.includeArchived ? undefined : eq(products.active, true))
    .orderBy(asc(products.name));
  return rows.map((row) => ({
    id: row.id,
    active: row.active,
    ...inReaderLanguage(row, options.locale),
    nameEn: row.name,
    nameAr: row.nameAr,
  }));
}

/**
 * The catalog partners pick from; staff see archived products too, with how many leads name each.
 * Rows carry both languages as stored (`nameEn`/`nameAr`…) for the staff editor, and `name` /
 * `description` in the reader's language when a locale is given.
 */
export async function listProducts(db: Db, options: CatalogOptions) {
  const rows = await db
    .select({
      ...productColumns,
      leadCount: sql<number>`count(${leads.id})::int`,
    })
    .from(products)
    .leftJoin(leads, eq(leads.productId, products.id))
    .where(options.includeArchived ? undefined : eq(products.active, true))
    .groupBy(products.id)
    .orderBy(asc(products.name));
  return rows.map((row) => ({
    id: row.id,
    ...inReaderLanguage(row, options.locale),
    nameEn: row.name,
    nameAr: row.nameAr,
    descriptionEn: row.description,
    descriptionAr: row.descriptionAr,
    active: options.includeArchived ? row.active : true,
    // Partners are not told how many leads others registered.
    leadCount: options.includeArchived ? row.leadCount : 0,
  }));
}

export const productFields = {
  name: plainTextField({ min: 2, max: 80 }),
  description: z.string().trim().max(500).default(""),
  /** Optional Arabic texts; empty means "English only", and Arabic readers see the English, marked. */
  nameAr: plainTextField({ max: 80 }).optional(),
  descriptionAr: z.string().trim().max(500).optional(),
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
      .values({
        name: input.name,
        description: input.description || null,
        nameAr: input.nameAr || null,
        descriptionAr: input.descriptionAr || null,
        createdAt: clock.now(),
      })
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
      .set({
        name: input.name,
        description: input.description || null,
        nameAr: input.nameAr || null,
        descriptionAr: input.descriptionAr || null,
        active: input.active,
      })
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
