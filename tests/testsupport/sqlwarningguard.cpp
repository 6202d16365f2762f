#include "sqlwarningguard.h"
