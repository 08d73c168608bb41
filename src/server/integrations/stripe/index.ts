export {
  getStripe,
  isStripeConfigured,
  resetStripeClient,
  stripeOptions,
  stripeWebhookSecret,
  StripeNotConfiguredError,
  verifyStripeWebhook,
} from "./client";
export { parseApiBase, readStripeSettings, type StripeApiBase, type StripeSettings } from "./config";
