/**
 * The password rules for new and reset passwords, as a pure function. The
 * list of common passwords is large and lives on the server, so it comes in
 * as a predicate; the browser checks only the length before it sends.
 *
 * Length matters most (NIST SP 800-63B asks for a blocklist rather than
 * composition rules), so there are no "one digit, one symbol" rules here:
 * they push people to `Password1!`, which the suffix check refuses anyway.
 */

/** Fewest characters a new password may have. */
export const PASSWORD_MIN = 12

/** Why a password was refused. */
export type PasswordProblem =
  | 'too_short'
  | 'common'
  | 'common_with_suffix'
  | 'repetitive'
  | 'contains_username'

/** What the field under a refused password says, one line per problem. */
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Use at least ${PASSWORD_MIN} characters.`,
  common: 'This is one of the most common passwords. Choose another.',
  common_with_suffix:
    'This is a common password with digits or symbols added. Choose another.',
  repetitive: 'This repeats a short pattern. Choose something less regular.',
  contains_username: 'Do not put the username in the password.',
}

/** What the check needs besides the password. */
export interface PasswordContext {
  username: string
  /** Whether a lower-cased string is on the common-password list. */
  isCommon: (candidate: string) => boolean
}

/** The first rule a password breaks, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  context: PasswordContext,
): PasswordProblem | null {
  // Count code points, not UTF-16 units, so an emoji is one character.
  if ([...password].length < PASSWORD_MIN) {
    return 'too_short'
  }

  const lower = password.toLowerCase()
  if (context.isCommon(lower)) {
    return 'common'
  }

  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  if (core !== lower && core.length >= 3 && context.isCommon(core)) {
    return 'common_with_suffix'
  }

  const repeated = /^(.+?)\1+$/su.exec(lower)?.[1]
  if (
    repeated !== undefined &&
    ([...repeated].length <= 4 || context.isCommon(repeated))
  ) {
    return 'repetitive'
  }

  const username = context.username.trim().toLowerCase()
  if (username.length >= 3 && lower.includes(username)) {
    return 'contains_username'
  }
  return null
}
