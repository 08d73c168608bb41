import { env } from "@/lib/env";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** "sent" went through SMTP; "logged" was printed because no SMTP server is configured. */
export interface EmailTransport {
  send(email: OutgoingEmail): Promise<"sent" | "logged">;
}

/** Without SMTP_URL the demo prints emails to the log; admins read them at /manage/emails. */
export const logTransport: EmailTransport = {
  async send(email) {
    console.log(`\n✉  Email to ${email.to}: ${email.subject}\n${email.text}\n`);
    return "logged";
  },
};

export async function smtpTransport(url: string, from: string): Promise<EmailTransport> {
  const nodemailer = await import("nodemailer");
  const transporter = nodemailer.createTransport(url);
  return {
    async send(email) {
      await transporter.sendMail({ from, ...email });
      return "sent";
    },
  };
}

export async function configuredTransport(): Promise<EmailTransport> {
  const { SMTP_URL, EMAIL_FROM } = env();
  return SMTP_URL ? smtpTransport(SMTP_URL, EMAIL_FROM) : logTransport;
}
