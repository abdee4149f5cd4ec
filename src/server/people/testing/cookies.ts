/** The cookies an answer set (a sign-in's session), as a browser sends them back: `name=value; name=value`. */
export const cookieOf = (headers: Headers) =>
  headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
