import { moneyAmount, type AmountSign } from "@/lib/money";
import { InvalidError } from "./errors";

/**
 * An amount as typed, in minor units of its currency, inside the one range of `lib/money`
 * (MAX_MINOR_UNITS); otherwise an InvalidError naming the field, with the message key the parser
 * gave (money.invalid, money.positive, money.notNegative, money.tooLarge). Every service that
 * takes typed money goes through here, so no amount the database cannot hold reaches it.
 */
export function amountOf(text: string, currency: string, field: string, sign: AmountSign): bigint {
  const parsed = moneyAmount(currency, sign).safeParse(text);
  if (!parsed.success) throw new InvalidError(parsed.error.issues[0]?.message ?? "money.invalid", field);
  return parsed.data;
}
