const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// A plain login form (what Playwright types into): user name and password.
export function loginPage({ action, error, login }) {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in · Test identity provider</title>
<style>body{font-family:sans-serif;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}p.error{color:#b00020}</style>
</head><body>
<h1>Test identity provider</h1>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="${escape(action)}" autocomplete="off">
  <label for="login">User name</label><input id="login" name="login" value="${escape(login)}" required autofocus>
  <label for="password">Password</label><input id="password" name="password" type="password" required>
  <button type="submit">Sign in</button>
</form>
</body></html>`;
}
