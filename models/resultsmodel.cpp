#include "resultsmodel.h"
