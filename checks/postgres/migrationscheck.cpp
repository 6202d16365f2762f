#include "migrationscheck.h"
