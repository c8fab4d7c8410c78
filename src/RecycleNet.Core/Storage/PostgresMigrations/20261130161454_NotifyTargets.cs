using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RecycleNet.Core.Storage.PostgresMigrations
{
    /// <inheritdoc />
    public partial class NotifyTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The notification names what was written (the audit entry's target: a layer, "enterprises", "network" …),
            // so the other instances rebuild only the views of that layer.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION recyclenet_notify_revision() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('recyclenet_revision', coalesce(NEW."Target", ''));
                    RETURN NULL;
                END $$;
                DROP TRIGGER audit_notify_revision ON audit;
                CREATE TRIGGER audit_notify_revision AFTER INSERT ON audit
                    FOR EACH ROW EXECUTE FUNCTION recyclenet_notify_revision();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION recyclenet_notify_revision() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('recyclenet_revision', '');
                    RETURN NULL;
                END $$;
                DROP TRIGGER audit_notify_revision ON audit;
                CREATE TRIGGER audit_notify_revision AFTER INSERT ON audit
                    FOR EACH STATEMENT EXECUTE FUNCTION recyclenet_notify_revision();
                """);
        }
    }
}
