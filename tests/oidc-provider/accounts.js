// The people the tests sign in as. `roles` carries the app role Support (as Entra ID's app roles do) and `workspaces`
// the workspace ids (the portal's Identity:WorkspaceClaimType). Passwords are test fixtures, nothing else.
export const accounts = [
  { id: 'oidc-ada', login: 'ada', password: 'ada-password', name: 'Ada Lovelace', email: 'ada@acme.example', roles: [], workspaces: ['ws-acme', 'ws-acme-staging'] },
  { id: 'oidc-grace', login: 'grace', password: 'grace-password', name: 'Grace Hopper', email: 'grace@globex.example', roles: [], workspaces: ['ws-globex'] },
  { id: 'oidc-sam', login: 'sam', password: 'sam-password', name: 'Sam Support', email: 'sam@support.example', roles: ['Support'], workspaces: [] },
  { id: 'oidc-nora', login: 'nora', password: 'nora-password', name: 'Nora Newcomer', email: 'nora@initech.example', roles: [], workspaces: [] },
];

export function findAccountByLogin(login, password) {
  return accounts.find((a) => a.login === login && a.password === password);
}
