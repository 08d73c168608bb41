import { errorMessage } from "../../errors";
import {
  addCustomer,
  addCustomerInput,
  importCustomers,
  importCustomersInput,
  listCustomers,
  listCustomersInput,
  removeCustomer,
  removeCustomerInput,
} from "@/server/domains/customers/service";
import {
  createProduct,
  createProductInput,
  listProducts,
  updateProduct,
  updateProductInput,
} from "@/server/domains/catalog/products";
import { router, staffProcedure } from "../../init";

/** What deal registration checks against: the product catalog and the existing-customer list (the catalog and customers domains). */
export const catalogRouter = router({
  // Both stored languages for the editor, and `name` in the reader's for the list.
  products: staffProcedure("partner_manager", "finance").query(({ ctx }) =>
    listProducts(ctx.db, { includeArchived: true, locale: ctx.locale }),
  ),
  createProduct: staffProcedure("partner_manager")
    .input(createProductInput)
    .mutation(({ ctx, input }) => createProduct(ctx.service, input)),
  updateProduct: staffProcedure("partner_manager")
    .input(updateProductInput)
    .mutation(({ ctx, input }) => updateProduct(ctx.service, input)),
  customers: staffProcedure("partner_manager", "finance")
    .input(listCustomersInput)
    .query(({ ctx, input }) => listCustomers(ctx.db, input)),
  addCustomer: staffProcedure("partner_manager")
    .input(addCustomerInput)
    .mutation(({ ctx, input }) => addCustomer(ctx.service, input)),
  importCustomers: staffProcedure("partner_manager")
    .input(importCustomersInput)
    .mutation(async ({ ctx, input }) => {
      const report = await importCustomers(ctx.service, input);
      // Each refused row's reason in the caller's language, so the browser needs no error catalogue.
      const rows = report.rows.map((r) => ({ ...r, message: r.code ? errorMessage(r.code, ctx.locale) : null }));
      return { ...report, rows };
    }),
  removeCustomer: staffProcedure("partner_manager")
    .input(removeCustomerInput)
    .mutation(({ ctx, input }) => removeCustomer(ctx.service, input)),
});
