import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import type { Role } from '@privdesk/domain';
import { Session } from './session.service';

/** Only a URL inside this app may be a return target (no `//evil.example`). */
export function safeReturnUrl(url: string | null | undefined): string {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\') || url.startsWith('/login')) {
    return '/customers';
  }
  return url;
}

/** Signed-in users only; others go to /login and come back afterwards. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const session = inject(Session);
  const router = inject(Router);
  const user = await session.ensureLoaded();
  return user ? true : router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/**
 * The signed-in part of the app matches only for a signed-in user; anyone else goes to /login and
 * comes back afterwards. As a `canMatch` guard it runs before the part's code is downloaded.
 */
export const authMatch: CanMatchFn = async (_route, segments) => {
  const session = inject(Session);
  const router = inject(Router);
  const user = await session.ensureLoaded();
  if (user) return true;
  const attempted = router.currentNavigation()?.extractedUrl;
  const returnUrl = attempted ? router.serializeUrl(attempted) : `/${segments.map((segment) => segment.path).join('/')}`;
  return router.createUrlTree(['/login'], { queryParams: { returnUrl } });
};

/** The login page is for signed-out users; a signed-in user goes where he or she was heading. */
export const guestGuard: CanActivateFn = async (route) => {
  const session = inject(Session);
  const router = inject(Router);
  const user = await session.ensureLoaded();
  return user ? router.parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl'))) : true;
};

/**
 * Matches only for the given roles. A route after it with the same path shows the
 * "You do not have access" page, so the URL stays and the page is not blank.
 */
export function roleMatch(...roles: Role[]): CanMatchFn {
  return async () => {
    const session = inject(Session);
    const user = await session.ensureLoaded();
    return !!user && roles.includes(user.role);
  };
}

/** Pages anyone may see: waits for the session only so that a signed-in user keeps the menu. */
export const publicPage: CanActivateFn = async () => {
  await inject(Session).ensureLoaded();
  return true;
};
