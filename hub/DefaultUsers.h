#pragma once

#include <QList>
#include <QString>

// The logins a new hub database starts with, so a demo or a test can sign in
// at once. Every one is also an agents row (supervisors and admins appear on
// the board too). Deployments change the passwords; --help lists them.
struct DefaultUser
{
    QString login;
    QString password;
    QString role; // agent, supervisor, admin
    QString displayName;
};

class DefaultUsers
{
public:
    static QList<DefaultUser> all();
    static QString helpText();
};
