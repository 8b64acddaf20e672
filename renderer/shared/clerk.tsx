import type { Lang } from '../../core/contract/common.js';

/** The name a visitor reads: the Chinese display name, or on en and ru screens its Latin form when there is one. */
export function clerkDisplayName(clerk: { name: string; latinName?: string | null }, lang: Lang): string {
  return lang !== 'zh-CN' && clerk.latinName ? clerk.latinName : clerk.name;
}

/** The clerk's photo (a data: URL the terminal serves), or their name's first character on a plain disc when there is none. */
export function ClerkPhoto({ photo, name, alt, className, testId }: { photo: string | null; name: string; alt: string; className: string; testId: string }) {
  if (photo) return <img className={className} src={photo} alt={alt} data-testid={testId} data-photo="yes" />;
  return (
    <span className={`${className} no-photo`} data-testid={testId} data-photo="no" aria-hidden="true">
      {[...name][0] ?? ''}
    </span>
  );
}
