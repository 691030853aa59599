import { ControllerIdentity } from '@privdesk/domain';

/** A mail's signature: the company and where to ask about personal data. */
export function mailSignature(controller: ControllerIdentity): string {
  const contact = [controller.privacyEmail, controller.privacyPhone].filter(Boolean).join(', ');
  return `${controller.companyName}${contact ? `\nFrågor om personuppgifter / Privacy questions: ${contact}` : ''}`;
}
