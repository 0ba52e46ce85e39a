import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { guardSignInRequest } from "@/lib/auth/sign-in-guard";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handle(request: Request, context: Context) {
  return NextAuth(request as never, context as never, authOptions()) as Promise<Response>;
}

export async function GET(request: Request, context: Context) {
  return handle(request, context);
}

export async function POST(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "signin/email") {
    return guardSignInRequest(request, () => handle(request, context));
  }
  return handle(request, context);
}
