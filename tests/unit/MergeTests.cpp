// Merging two customers on the desk: the field-choice model proposes what the
// hub would keep (the newer record's value, never an empty one over a value)
// and keeps what the agent picks; the merge action gives the survivor exactly
// those values, names every field's side in its command, and undo gives both
// records back as they were. The candidates model lists a planted duplicate
// with its reasons.
#include "CheckedModel.h"
#include "TestSupport.h"
#include "identity/DuplicateCandidateModel.h"
#include "identity/MergeFieldModel.h"
#include "identity/MergeFields.h"
#include "store/Store.h"
#include "sync/HttpTransport.h"
#include "sync/Outbox.h"
#include "workspace/AgentActions.h"
#include "workspace/LocalEffects.h"
#include "workspace/LocalMerge.h"

#include <QJsonDocument>
#include <catch2/catch.hpp>

namespace {

constexpr qint64 kNow = 1'750'000'000;

// Nicolò on screen (older record, no company, gold) and his duplicate NICOLO
// (newer, a company, an e-mail, one interaction, no country).
struct Pair
{
    Pair(qint64 survivorUpdated = kNow - 3600, qint64 duplicateUpdated = kNow)
    {
        Customer c;
        c.firstName = QStringLiteral("Nicolò");
        c.lastName = QStringLiteral("Esposito");
        c.displayName = QStringLiteral("Nicolò Esposito");
        c.address = QStringLiteral("Via Roma 12");
        c.city = QStringLiteral("Napoli");
        c.tier = QStringLiteral("gold");
        c.country = QStringLiteral("IT");
        c.createdAt = c.updatedAt = survivorUpdated;
        survivor = store.addCustomer(c);
        store.addIdentity(survivor, IdentityKind::Phone, QStringLiteral("+39 333 111 2223"), QStringLiteral("crm"));
        c.firstName = QStringLiteral("NICOLO");
        c.displayName = QStringLiteral("NICOLO Esposito");
        c.address = QStringLiteral("via roma, 12");
        c.country.clear();
        c.company = QStringLiteral("Esposito S.r.l.");
        c.tier = QStringLiteral("standard");
        c.createdAt = c.updatedAt = duplicateUpdated;
        duplicate = store.addCustomer(c);
        store.addIdentity(
            duplicate, IdentityKind::Email, QStringLiteral("nicolo@example.com"), QStringLiteral("crm"));
        Interaction mail;
        mail.customerId = duplicate;
        mail.channel = Channel::Email;
        mail.offeredAt = kNow - 86400;
        mail.subject = QStringLiteral("Fattura");
        interaction = store.addInteraction(mail);
        store.db().exec("INSERT INTO agents(id, login, display_name, state) VALUES (7, 'anna', 'Anna Uno', 'ready')");
        actions.setAgent(7);
    }

    QString text(qint64 customer, const char* column)
    {
        Statement st(store.db().handle(), (QByteArray("SELECT coalesce(") + column + ", '') FROM customers WHERE id = ?").constData());
        st.bind(1, customer);
        return st.step() ? st.text(0) : QStringLiteral("<no customer>");
    }

    TestSupport::TempDir dir;
    Store store { dir.file(QStringLiteral("merge.db")) };
    AgentActions actions { store };
    LocalEffects effects;
    HttpTransport transport { HttpTransportOptions() };
    Outbox outbox { store.db(), transport, &effects };
    qint64 survivor = 0;
    qint64 duplicate = 0;
    qint64 interaction = 0;
};

QString side(const MergeFieldModel& model, const char* key)
{
    const int row = model.rowOf(QLatin1String(key));
    REQUIRE(row >= 0);
    return model.index(row, 0).data(MergeFieldModel::SideRole).toString();
}

} // namespace

TEST_CASE("The merge field model proposes the newer value, never an empty one, and keeps the agent's pick",
    "[merge][itemmodel]")
{
    Pair pair;
    MergeFieldModel model(pair.store);
    TestSupport::CheckedModel checked(&model);
    REQUIRE(model.setCustomers(pair.survivor, pair.duplicate));
    CHECK(model.columnCount() == MergeFieldModel::ColumnCount);
    CHECK(model.headerData(MergeFieldModel::SurvivorColumn, Qt::Horizontal).toString().contains(QStringLiteral("Nicolò Esposito")));

    // The duplicate is newer: its values are proposed where it has one...
    CHECK(side(model, "firstName") == QStringLiteral("merged"));
    CHECK(side(model, "address") == QStringLiteral("merged"));
    CHECK(side(model, "tier") == QStringLiteral("merged"));
    CHECK(side(model, "company") == QStringLiteral("merged"));
    // ...but its empty country never wins over IT.
    CHECK(side(model, "country") == QStringLiteral("survivor"));
    const int country = model.rowOf(QStringLiteral("country"));
    CHECK(model.index(country, MergeFieldModel::MergedColumn).data().toString() == QStringLiteral("(empty)"));
    CHECK(model.index(country, MergeFieldModel::SurvivorColumn).data(Qt::CheckStateRole).toInt() == Qt::Checked);
    // Where both agree there is nothing to choose.
    const int lastName = model.rowOf(QStringLiteral("lastName"));
    CHECK_FALSE(model.flags(model.index(lastName, MergeFieldModel::SurvivorColumn)) & Qt::ItemIsUserCheckable);
    CHECK_FALSE(model.index(lastName, MergeFieldModel::SurvivorColumn).data(Qt::CheckStateRole).isValid());

    // The agent keeps the survivor's first name and tier: ticked, proposal remembered.
    const int first = model.rowOf(QStringLiteral("firstName"));
    REQUIRE(model.setData(model.index(first, MergeFieldModel::SurvivorColumn), Qt::Checked, Qt::CheckStateRole));
    CHECK(model.index(first, MergeFieldModel::MergedColumn).data(Qt::CheckStateRole).toInt() == Qt::Unchecked);
    const int tier = model.rowOf(QStringLiteral("tier"));
    // Unticking the duplicate's value picks the other one.
    REQUIRE(model.setData(model.index(tier, MergeFieldModel::MergedColumn), Qt::Unchecked, Qt::CheckStateRole));
    CHECK(side(model, "firstName") == QStringLiteral("survivor"));
    CHECK(side(model, "tier") == QStringLiteral("survivor"));
    CHECK(model.index(first, 0).data(MergeFieldModel::ProposedSideRole).toString() == QStringLiteral("merged"));
    CHECK(model.fields().value(QStringLiteral("firstName")).toString() == QStringLiteral("survivor"));
    CHECK(model.fields().value(QStringLiteral("company")).toString() == QStringLiteral("merged"));
    CHECK(model.fields().size() == model.rowCount());

    // What goes over with the duplicate.
    CHECK(model.moves().identities == 1);
    CHECK(model.moves().interactions == 1);

    // The other record stays instead: the same values are kept, now named from the other side.
    model.swapSurvivor();
    CHECK(model.survivorId() == pair.duplicate);
    CHECK(side(model, "firstName") == QStringLiteral("merged"));
    CHECK(side(model, "country") == QStringLiteral("merged"));
    CHECK(side(model, "company") == QStringLiteral("survivor"));
    CHECK(model.moves().identities == 1); // the phone moves the other way

    // Missing or identical customers give no rows.
    CHECK_FALSE(model.setCustomers(pair.survivor, pair.survivor));
    CHECK(model.rowCount() == 0);
    CHECK_FALSE(model.setCustomers(pair.survivor, 999'999));
}

TEST_CASE("With the survivor newer, its values are proposed except where it has none", "[merge][itemmodel]")
{
    Pair pair(kNow, kNow - 3600);
    MergeFieldModel model(pair.store);
    REQUIRE(model.setCustomers(pair.survivor, pair.duplicate));
    CHECK(side(model, "firstName") == QStringLiteral("survivor"));
    CHECK(side(model, "tier") == QStringLiteral("survivor"));
    CHECK(side(model, "company") == QStringLiteral("merged"));
}

TEST_CASE("A merge keeps the chosen value per field, names every side in its command, and undo restores both",
    "[merge][actions]")
{
    Pair pair;
    const QJsonObject chosen { { QStringLiteral("firstName"), QStringLiteral("survivor") },
        { QStringLiteral("displayName"), QStringLiteral("survivor") }, { QStringLiteral("address"), QStringLiteral("merged") } };
    REQUIRE(pair.actions.mergeCustomers(pair.survivor, pair.duplicate, chosen));

    CHECK(pair.text(pair.duplicate, "display_name") == QStringLiteral("<no customer>"));
    CHECK(pair.text(pair.survivor, "first_name") == QStringLiteral("Nicolò"));
    CHECK(pair.text(pair.survivor, "address") == QStringLiteral("via roma, 12"));
    CHECK(pair.text(pair.survivor, "country") == QStringLiteral("IT")); // empty never wins
    CHECK(pair.text(pair.survivor, "company") == QStringLiteral("Esposito S.r.l.")); // a value beats empty
    CHECK(pair.text(pair.survivor, "tier") == QStringLiteral("standard")); // the newer value
    CHECK(pair.store.identities(pair.survivor).size() == 2);
    CHECK(pair.store.interactionCount(pair.survivor) == 1);

    const QList<OutboxEntry> entries = pair.outbox.entries();
    REQUIRE(entries.size() == 1);
    const QJsonObject fields
        = QJsonDocument::fromJson(entries.first().body).object().value(QStringLiteral("fields")).toObject();
    CHECK(fields.value(QStringLiteral("firstName")).toString() == QStringLiteral("survivor"));
    CHECK(fields.value(QStringLiteral("address")).toString() == QStringLiteral("merged"));
    CHECK(fields.value(QStringLiteral("country")).toString() == QStringLiteral("survivor"));
    CHECK(fields.value(QStringLiteral("tier")).toString() == QStringLiteral("merged"));
    // Every field is named, so the hub keeps exactly this whichever record it thinks newer.
    CHECK(fields.size() == MergeFields::columns(pair.store.db()).size());
    CHECK(fields.contains(QStringLiteral("crmFields")));
    CHECK(LocalMerge::recordsInto(pair.store.db(), pair.survivor).size() == 1);

    REQUIRE(pair.actions.undoMerge(pair.duplicate));
    CHECK(pair.text(pair.survivor, "first_name") == QStringLiteral("Nicolò"));
    CHECK(pair.text(pair.survivor, "address") == QStringLiteral("Via Roma 12"));
    CHECK(pair.text(pair.survivor, "company") == QString());
    CHECK(pair.text(pair.survivor, "tier") == QStringLiteral("gold"));
    CHECK(pair.text(pair.duplicate, "address") == QStringLiteral("via roma, 12"));
    CHECK(pair.text(pair.duplicate, "company") == QStringLiteral("Esposito S.r.l."));
    CHECK(pair.store.identities(pair.survivor).size() == 1);
    CHECK(pair.store.identities(pair.duplicate).size() == 1);
    CHECK(pair.store.interactionCount(pair.duplicate) == 1);
    // Its undo is on its way: not offered twice.
    CHECK(LocalMerge::recordsInto(pair.store.db(), pair.survivor).isEmpty());
}

TEST_CASE("A merge naming an unknown field or side is refused in words and changes nothing", "[merge][actions]")
{
    Pair pair;
    const AgentActions::Result unknown = pair.actions.mergeCustomers(
        pair.survivor, pair.duplicate, QJsonObject { { QStringLiteral("shoeSize"), QStringLiteral("merged") } });
    CHECK_FALSE(unknown);
    CHECK(unknown.error.contains(QStringLiteral("shoeSize")));
    const AgentActions::Result badSide = pair.actions.mergeCustomers(
        pair.survivor, pair.duplicate, QJsonObject { { QStringLiteral("city"), QStringLiteral("both") } });
    CHECK_FALSE(badSide);
    CHECK(badSide.error.contains(QStringLiteral("city")));
    CHECK(pair.store.customer(pair.duplicate).has_value());
    CHECK(pair.outbox.entries().isEmpty());
}

TEST_CASE("The duplicate candidates of a customer come with their score and reasons", "[merge][itemmodel]")
{
    Pair pair;
    DuplicateCandidateModel model(pair.store);
    TestSupport::CheckedModel checked(&model);
    model.setCustomer(pair.survivor);
    REQUIRE(model.rowCount() == 1);
    const QModelIndex row = model.index(0, DuplicateCandidateModel::ReasonsColumn);
    CHECK(row.data(DuplicateCandidateModel::CustomerIdRole).toLongLong() == pair.duplicate);
    CHECK(row.data(DuplicateCandidateModel::ScoreRole).toDouble() > 0.5);
    CHECK(row.data().toString().contains(QStringLiteral("accents and capitals ignored")));
    CHECK(model.index(0, DuplicateCandidateModel::CustomerColumn).data().toString()
        == QStringLiteral("NICOLO Esposito (#%1)").arg(pair.duplicate));
    model.setCustomer(0);
    CHECK(model.rowCount() == 0);
}
