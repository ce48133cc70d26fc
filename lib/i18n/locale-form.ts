// The only thing the site's forms carry: which language to answer in. Anything else is dropped.
import { z } from 'zod';
import { routing, type Locale } from './routing';

const LocaleFormSchema = z.object({ locale: z.enum(routing.locales).catch(routing.defaultLocale) });

export function localeFromForm(formData: FormData): Locale {
  return LocaleFormSchema.parse({ locale: formData.get('locale') }).locale;
}
