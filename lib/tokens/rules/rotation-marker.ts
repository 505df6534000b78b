// The marker a rotation leaves at the end of the new token's comment: `… [bw-rot:<rotation id>]`. A module of its own:
// the tokens table strips it in the browser and needs nothing else of the rotation rules.
export const ROTATION_MARKER = /\s*\[bw-rot:[A-Za-z0-9-]{8,64}\]/g;

/** The old token's comment as it was (the new token's comment without rotation markers), for the action log. */
export function commentWithoutMarker(comment: string): string {
  return comment.replace(ROTATION_MARKER, '').trim();
}
