#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// Ready-made replies the agent drops into the composer. Each exists in
// Italian and English; the one sent follows the customer's language (not
// the agent's), and its {placeholders} fill from the profile and the session:
// {firstName}, {lastName}, {customerName}, {agentName}, {ticketId},
// {interactionId}. A placeholder with no value stays in braces so the agent
// sees what to fill in before sending (unfilled()).
class CannedResponseModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        KeyRole = Qt::UserRole + 1, // QString, stable id ("greeting")
    };

    explicit CannedResponseModel(QObject* parent = nullptr);

    // The response's text in this language ("it" or anything else: English).
    QString text(int row, const QString& language) const;
    // The response filled from values (placeholder name -> value).
    QString filled(int row, const QString& language, const QHash<QString, QString>& values) const;
    int rowOfKey(const QString& key) const;

    // text with every {name} that has a non-empty value replaced.
    static QString fill(const QString& text, const QHash<QString, QString>& values);
    // The known {names} still in text.
    static QStringList unfilled(const QString& text);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    struct Response
    {
        QString key;
        QString title;
        QString italian;
        QString english;
    };
    QList<Response> m_rows;
};
