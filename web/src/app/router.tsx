import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AccountCreatePage } from '@web/features/accounts/account-create.page';
import { AccountEditPage } from '@web/features/accounts/account-edit.page';
import { AccountPage } from '@web/features/accounts/account.page';
import { AccountsListPage } from '@web/features/accounts/accounts-list.page';
import { LoginPage } from '@web/features/auth/login.page';
import { ProfilePage } from '@web/features/auth/profile.page';
import { useCurrentUser } from '@web/features/auth/session';
import { SetupPage } from '@web/features/auth/setup.page';
import { BinPage } from '@web/features/bin/bin.page';
import { ImportNewPage } from '@web/features/imports/import-new.page';
import { ImportPage } from '@web/features/imports/import.page';
import { ImportsPage } from '@web/features/imports/imports.page';
import { UsersPage } from '@web/features/users/users.page';
import { AppShellLayout } from './app-shell.layout';
import { PublicOnly, RequireAuth } from './auth-guards.component';
import { NotFoundPage } from './not-found.page';

type Ability = 'manageUsers' | 'viewBin';

/** Admin pages: for anyone else they do not exist (the server refuses them anyway). */
function RequireAbility({ ability, children }: { ability: Ability; children: ReactNode }) {
  const me = useCurrentUser();
  return me.abilities[ability] ? children : <NotFoundPage />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <PublicOnly><LoginPage /></PublicOnly> },
  { path: '/setup', element: <PublicOnly setupPage><SetupPage /></PublicOnly> },
  {
    element: <RequireAuth><AppShellLayout /></RequireAuth>,
    children: [
      { index: true, element: <Navigate to="/accounts" replace /> },
      { path: 'accounts', element: <AccountsListPage /> },
      { path: 'accounts/new', element: <AccountCreatePage /> },
      { path: 'accounts/:id', element: <AccountPage /> },
      { path: 'accounts/:id/edit', element: <AccountEditPage /> },
      { path: 'imports', element: <ImportsPage /> },
      { path: 'imports/new', element: <ImportNewPage /> },
      { path: 'imports/:id', element: <ImportPage /> },
      { path: 'bin', element: <RequireAbility ability="viewBin"><BinPage /></RequireAbility> },
      { path: 'users', element: <RequireAbility ability="manageUsers"><UsersPage /></RequireAbility> },
      { path: 'profile', element: <ProfilePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
