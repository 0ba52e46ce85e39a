/** The bare yardstick app: Next.js defaults, as a fresh `create-next-app` would serve them. */
export default { poweredByHeader: false };
