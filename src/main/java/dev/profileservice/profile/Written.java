package dev.profileservice.profile;

/** What an optimistic write of a profile did: the profile after it, or why it did not happen. */
public record Written(Outcome outcome, Profile profile) {

    public enum Outcome {
        /** Written without If-Match: the profile is new. */
        CREATED,
        /** Written at the caller's version. */
        UPDATED,
        /** Not written: without If-Match, but the profile exists; the caller must send its ETag. */
        EXISTS,
        /** Not written: the caller's If-Match is not the stored version. */
        STALE,
        /** Written, but the profile was erased before it could be read back: nothing of the write remains. */
        ERASED
    }
}
