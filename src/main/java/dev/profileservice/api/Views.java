package dev.profileservice.api;

/**
 * The nested JSON views: what anyone authenticated, the owner, and an admin may see.
 * Each view extends the one below it, so a field in Public is also in Owner and Admin.
 */
public final class Views {

    public interface Public {
    }

    public interface Owner extends Public {
    }

    public interface Admin extends Owner {
    }

    private Views() {
    }
}
