import { addCustomer, addCustomerInput, importCustomers, importCustomersInput, listCustomers, listCustomersInput, removeCustomer, removeCustomerInput } from "@/server/domains/leads/customers";
import { createProduct, createProductInput, listProducts, updateProduct, updateProductInput } from "@/server/domains/leads/products";
import { router, staffProcedure } from "../init";

/** What deal registration checks against: the product catalog and the existing-customer list. */
export const catalogRouter = router({
  products: staffProcedure("partner_manager", "finance").query(({ ctx }) => listProducts(ctx.db, { includeArchived: true })),
  createProduct: staffProcedure("partner_manager")
    .input(createProductInput)
    .mutation(({ ctx, input }) => createProduct(ctx.db, ctx.actor, input, ctx.clock)),
  updateProduct: staffProcedure("partner_manager")
    .input(updateProductInput)
    .mutation(({ ctx, input }) => updateProduct(ctx.db, ctx.actor, input, ctx.clock)),
  customers: staffProcedure("partner_manager", "finance").input(listCustomersInput).query(({ ctx, input }) => listCustomers(ctx.db, input)),
  addCustomer: staffProcedure("partner_manager")
    .input(addCustomerInput)
    .mutation(({ ctx, input }) => addCustomer(ctx.db, ctx.actor, input, ctx.clock)),
  importCustomers: staffProcedure("partner_manager")
    .input(importCustomersInput)
    .mutation(({ ctx, input }) => importCustomers(ctx.db, ctx.actor, input, ctx.clock)),
  removeCustomer: staffProcedure("partner_manager")
    .input(removeCustomerInput)
    .mutation(({ ctx, input }) => removeCustomer(ctx.db, ctx.actor, input, ctx.clock)),
});
